'use client';
export { VERSION } from '@backup-kit/core';
