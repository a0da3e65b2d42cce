// Calls to emulated services the project has no SDK client for (SSM, S3, SNS, CloudWatch Logs).
// moto reads the account from the access key in the Authorization header and the region from its
// credential scope; it does not check signatures, so a well-formed header is enough.
import * as http from 'http';
import { Credentials } from './aws';

/** A raw request to the emulator as `creds` in `region`. */
export function rawCall(endpoint: string, creds: Credentials, region: string, service: string, req: {
  method: string; path: string; headers?: Record<string, string>; body?: string;
}): Promise<{ status: number; body: string }> {
  const url = new URL(req.path, endpoint);
  const headers: Record<string, string> = {
    'authorization': `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/20240101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
    'x-amz-date': '20240101T000000Z',
    ...(creds.sessionToken ? { 'x-amz-security-token': creds.sessionToken } : {}),
    ...req.headers,
  };
  if (service === 's3') headers.host = `${url.host}`;
  return new Promise((resolveCall, reject) => {
    const r = http.request(url, { method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveCall({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

/** A JSON-protocol call (SSM, CloudWatch Logs); throws on an error answer. */
export async function jsonCall(endpoint: string, creds: Credentials, region: string, service: string,
  target: string, body: object): Promise<Record<string, any>> {
  const r = await rawCall(endpoint, creds, region, service, {
    method: 'POST',
    path: '/',
    body: JSON.stringify(body),
    headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' },
  });
  if (r.status >= 300) throw new Error(`${target}: ${r.status} ${r.body}`);
  return r.body ? JSON.parse(r.body) : {};
}

/** A query-protocol call (SNS); returns the XML answer; throws on an error answer. */
export async function queryCall(endpoint: string, creds: Credentials, region: string, service: string,
  params: Record<string, string>): Promise<string> {
  const r = await rawCall(endpoint, creds, region, service, {
    method: 'POST',
    path: '/',
    body: new URLSearchParams(params).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (r.status >= 300) throw new Error(`${service} ${params.Action}: ${r.status} ${r.body}`);
  return r.body;
}

/** The value of an SSM parameter (CloudFormation's `AWS::SSM::Parameter::Value<...>` parameter types). */
export async function ssmParameter(endpoint: string, creds: Credentials, region: string, name: string): Promise<string> {
  const out = await jsonCall(endpoint, creds, region, 'ssm', 'AmazonSSM.GetParameter', { Name: name });
  return out.Parameter.Value;
}
