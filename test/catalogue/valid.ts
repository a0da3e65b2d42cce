import { ValidCase } from './types';

export const VALID_CASES: ValidCase[] = [];
