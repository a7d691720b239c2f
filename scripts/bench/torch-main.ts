/** `npm run bench:torch`: our default MAF step against PyTorch's, side by side (torch-compare.ts). */
import { compareWithTorch, comparisonText } from './torch-compare';

const rounds = Number(process.argv[2] ?? 3);
console.log(comparisonText(await compareWithTorch(rounds)));
