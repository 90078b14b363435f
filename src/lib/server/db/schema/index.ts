export * from './people';
export * from './meetings';
export * from './auth';
export * from './messages';
export * from './preparation';
export * from './submissions';
export * from './feedback';
export * from './reviews';
