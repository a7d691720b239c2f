/**
 * One masked invertible convolution in tfjs (a triangular Jacobian by masking, as in MaCow
 * and emerging convolutions; float64 reference in
 * core/conv). Shapes: images [n, H, W, C] (NHWC), kernel [k, k, C, C] (HWIO).
 *
 *   K = W ⊙ M_earlier + S ⊙ exp(s),    y = conv2d(x, K, 'same') + b,    log|det| = H·W·Σ_c s_c
 *
 * Forward is one parallel conv2d. The inverse is sequential: H·W·C steps, each one conv2d of
 * the partly recovered image with the earlier-only kernel W ⊙ M_earlier. Tensor-returning
 * methods are meant to be called inside tf.tidy.
 */
import { tf } from '../tf';
import { diagonalSelector, earlierMask, type KernelShape } from '../../core/conv/mask';
import type { MaskedConvParams } from '../../core/conv/params';
import type { RgbImage } from '../../core/conv/image';
import { imageToTensor } from './image-tensor';

let nextId = 0;

export class TfMaskedConv {
  readonly kernelSize: number;
  readonly channels: number;
  /** Free weights W, [k, k, C, C]. */
  readonly weights: tf.Variable<tf.Rank.R4>;
  /** s, [C]; diagonal d_c = exp(s_c). */
  readonly logDiagonal: tf.Variable<tf.Rank.R1>;
  /** b, [C]. */
  readonly bias: tf.Variable<tf.Rank.R1>;
  /** Constant 0/1 masks, [k, k, C, C]. */
  private readonly mask: tf.Tensor4D;
  private readonly selector: tf.Tensor4D;

  constructor(params: MaskedConvParams, trainable = true) {
    const shape: KernelShape = { kernelSize: params.kernelSize, channels: params.channels };
    const k = params.kernelSize;
    const C = params.channels;
    const id = nextId++;
    this.kernelSize = k;
    this.channels = C;
    const kernelShape: [number, number, number, number] = [k, k, C, C];
    // tf.tidy disposes the initial-value tensors; the variables keep their own reference.
    this.weights = tf.tidy(() =>
      tf.variable(
        tf.tensor4d(Float32Array.from(params.weights), kernelShape),
        trainable,
        `mconv${id}_w`,
      ),
    );
    this.logDiagonal = tf.tidy(() =>
      tf.variable(tf.tensor1d(Float32Array.from(params.logDiagonal)), trainable, `mconv${id}_s`),
    );
    this.bias = tf.tidy(() =>
      tf.variable(tf.tensor1d(Float32Array.from(params.bias)), trainable, `mconv${id}_b`),
    );
    this.mask = tf.tensor4d(earlierMask(shape), kernelShape);
    this.selector = tf.tensor4d(diagonalSelector(shape), kernelShape);
  }

  variables(): tf.Variable[] {
    return [this.weights, this.logDiagonal, this.bias];
  }

  /** W ⊙ M_earlier: the off-diagonal part of the kernel, [k, k, C, C]. */
  earlierKernel(): tf.Tensor4D {
    return tf.mul(this.weights, this.mask);
  }

  /** K = W ⊙ M_earlier + S ⊙ exp(s) (exp(s) broadcast along C_out), [k, k, C, C]. */
  kernel(): tf.Tensor4D {
    return tf.add(this.earlierKernel(), tf.mul(this.selector, tf.exp(this.logDiagonal)));
  }

  /** y = conv2d(x, K, stride 1, 'same') + b: one parallel pass, [n, H, W, C] → [n, H, W, C]. */
  forward(x: tf.Tensor4D): tf.Tensor4D {
    return tf.add(tf.conv2d(x, this.kernel(), 1, 'same'), this.bias);
  }

  /** log|det ∂y/∂x| = H·W·Σ_c s_c (the same for every image of that size), scalar. */
  logDet(height: number, width: number): tf.Scalar {
    return tf.mul(tf.sum(this.logDiagonal), height * width);
  }

  /**
   * x = layer⁻¹(y) for y [n, H, W, C], one cell per step in raster-then-channel order
   * (H·W·C steps). Step k recovers cell k from cells 0..k−1:
   *   x_k = (y_k − b_c − conv2d(x, W ⊙ M_earlier)_k) · exp(−s_c),
   * where x still holds zeros at cell k and later (their weights are masked anyway).
   */
  sequentialInverse(y: tf.Tensor4D): tf.Tensor4D {
    const [n, H, W, C] = y.shape;
    const D = H * W * C;
    const target = tf.sub(y, this.bias);
    const earlier = this.earlierKernel();
    const invDiagonal = tf.exp(tf.neg(this.logDiagonal));
    let x: tf.Tensor4D = tf.zeros([n, H, W, C]);
    for (let step = 0; step < D; step++) {
      const next = tf.tidy(() => {
        const context = tf.conv2d(x, earlier, 1, 'same');
        const solved = tf.mul(tf.sub(target, context), invDiagonal);
        const pick = tf.reshape(tf.oneHot(tf.tensor1d([step], 'int32'), D, 1, 0, 'float32'), [
          1,
          H,
          W,
          C,
        ]);
        return tf.add(x, tf.mul(solved, pick)) as tf.Tensor4D;
      });
      x.dispose();
      x = next;
    }
    target.dispose();
    earlier.dispose();
    invDiagonal.dispose();
    return x;
  }

  /**
   * The autodiff Jacobian ∂y/∂x of the layer at `image` [H, W, C], as [HWC][HWC] rows in
   * raster-then-channel order. All rows come from one backward pass: the image is tiled into a
   * batch of D = H·W·C copies, and copy k back-propagates the one-hot cotangent e_k, so its
   * input gradient is row k (a vector–Jacobian product per output, batched).
   */
  async jacobian(image: RgbImage): Promise<number[][]> {
    const { height: H, width: W, channels: C } = image;
    const D = H * W * C;
    const rows = tf.tidy(() => {
      const batch = tf.tile(imageToTensor(image), [D, 1, 1, 1]);
      const cotangents = tf.reshape(tf.eye(D), [D, H, W, C]);
      const grad = tf.grad((x: tf.Tensor) =>
        tf.sum(tf.mul(this.forward(x as tf.Tensor4D), cotangents)),
      );
      return tf.reshape(grad(batch), [D, D]);
    });
    const data = await rows.data();
    rows.dispose();
    return Array.from({ length: D }, (_, i) => Array.from(data.subarray(i * D, (i + 1) * D)));
  }

  /** The effective kernel K read back, [k, k, C, C] flat (one await). */
  async readKernel(): Promise<Float32Array> {
    const K = tf.tidy(() => this.kernel());
    const data = (await K.data()) as Float32Array;
    K.dispose();
    return data;
  }

  /** The current parameters read back as a float64 MaskedConvParams (for core inverse/trace). */
  async readParams(): Promise<MaskedConvParams> {
    const [weights, logDiagonal, bias] = await Promise.all(this.variables().map((v) => v.data()));
    return {
      kernelSize: this.kernelSize,
      channels: this.channels,
      weights: Float64Array.from(weights as Float32Array),
      logDiagonal: Float64Array.from(logDiagonal as Float32Array),
      bias: Float64Array.from(bias as Float32Array),
    };
  }

  dispose(): void {
    this.variables().forEach((v) => v.dispose());
    this.mask.dispose();
    this.selector.dispose();
  }
}
