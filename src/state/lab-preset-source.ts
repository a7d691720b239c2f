/**
 * The density lab's preset for a rebuild: the pretrained model's text, or null (fresh weights)
 * when there is none or it could not be fetched; in the second case a notice says so, and its
 * retry (by hand, or when the browser is back online) rebuilds the model from the preset.
 */
import { useLoadProblems } from './load-problems';
import { isPresetUnavailable, type PresetLoader } from './presets';

export async function presetOrFresh(
  presets: PresetLoader,
  dataset: string,
  flow: string,
  retry: () => void,
): Promise<string | null> {
  const problems = useLoadProblems.getState();
  try {
    const text = await presets.load(dataset, flow);
    problems.clear('lab-preset');
    return text;
  } catch (error) {
    if (!isPresetUnavailable(error)) throw error;
    problems.report({
      id: 'lab-preset',
      text: `The pretrained ${flow.replace('-', ' ').toUpperCase()} for ${dataset} could not be loaded (the network did not answer), so the model starts from fresh weights. The preset loads by itself when the network is back.`,
      retry,
    });
    return null;
  }
}
