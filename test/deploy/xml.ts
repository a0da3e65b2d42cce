// A minimal XML tree for EC2 query-protocol answers (elements and text; no CDATA, no namespaces
// beyond the root's xmlns attribute, which is kept verbatim).

/** An element: its name, raw attribute text, children, and raw (escaped) text when it has no children. */
export interface XmlElement {
  name: string;
  attrs: string;
  children: XmlElement[];
  text: string;
}

/** Parse an XML document into its root element. */
export function parseXml(src: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: '', children: [], text: '' };
  const stack: XmlElement[] = [root];
  const re = /<\?[^>]*\?>|<!--[\s\S]*?-->|<\/([^\s>]+)\s*>|<([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) {
      if (top.name !== m[1]) throw new Error(`XML: </${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2] !== undefined) {
      const el: XmlElement = { name: m[2], attrs: m[3], children: [], text: '' };
      top.children.push(el);
      if (m[4] !== '/') stack.push(el);
    } else if (m[5] !== undefined && top !== root) {
      top.text += m[5];
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is not closed`);
  return root.children[0];
}

/** Serialize an element (and its subtree) back to XML. */
export function toXml(el: XmlElement): string {
  const inner = el.children.length ? el.children.map(toXml).join('') : el.text;
  return `<${el.name}${el.attrs}>${inner}</${el.name}>`;
}

/** The first child with this name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** The unescaped text at a path of child names ('' when absent). */
export function textAt(el: XmlElement | undefined, ...path: string[]): string {
  let cur = el;
  for (const p of path) cur = child(cur, p);
  return unescapeXml(cur?.text.trim() ?? '');
}

/** Replace the text at a path of child names (it must exist). */
export function setTextAt(el: XmlElement, value: string, ...path: string[]): void {
  let cur: XmlElement | undefined = el;
  for (const p of path) cur = child(cur, p);
  if (!cur) throw new Error(`XML: no element at ${path.join('/')}`);
  cur.text = escapeXml(value);
}

/** Find the first element with this name anywhere in the subtree. */
export function findDeep(el: XmlElement, name: string): XmlElement | undefined {
  if (el.name === name) return el;
  for (const c of el.children) {
    const f = findDeep(c, name);
    if (f) return f;
  }
  return undefined;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&');
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
