export * from './net';
export * from './core';
export * from './peering';
export * from './privatelink';
export * from './endpoints';
export * from './inspection';
export * from './analysis';
export * from './resources';
