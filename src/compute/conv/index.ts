/** Masked invertible convolutions in tfjs (forward, sequential inverse, autodiff Jacobian). */
export * from './image-tensor';
export * from './tf-masked-conv';
export * from './image-ops';
