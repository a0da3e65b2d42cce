import { InvalidCase } from './types';

export const ENDPOINT_CASES: InvalidCase[] = [];
