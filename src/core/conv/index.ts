/** Masked invertible convolutions (MaCow; emerging convolutions): images, mask, float64 reference layer. */
export * from './image';
export * from './procedural';
export * from './mask';
export * from './params';
export * from './masked-conv';
export * from './inverse';
export * from './receptive-field';
