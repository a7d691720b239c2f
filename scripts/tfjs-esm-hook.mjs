// Node ESM resolve hook for tfjs's ES-module build, whose relative imports omit the ".js"
// extension (they are written for bundlers). Registered by scripts/node-register.mjs so the
// command-line tools can run the exact modules the app bundles (tfjs-core + gradients).
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTfjs = context.parentURL?.includes('/node_modules/@tensorflow/');
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (!fromTfjs || !relative) throw error;
    for (const suffix of ['.js', '/index.js']) {
      try {
        return await nextResolve(specifier + suffix, context);
      } catch {
        // try the next form
      }
    }
    throw error;
  }
}
