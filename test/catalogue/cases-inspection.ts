import { InvalidCase } from './types';

export const INSPECTION_CASES: InvalidCase[] = [];
