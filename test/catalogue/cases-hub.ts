import { InvalidCase } from './types';

export const HUB_CASES: InvalidCase[] = [];
