export const strategyApiReference = '';
