// Build step (`npm run build`, after tsc): writes dist/methods.json, the built-in methods
// validated once, so that showing a method's name does not parse YAML (see catalog/methods.ts).
import { writeFileSync } from 'node:fs';
import { builtinMethodsDir, METHOD_TABLE_FILE, methodTable } from './catalog/methods.js';

const table = methodTable(builtinMethodsDir());
writeFileSync(METHOD_TABLE_FILE, `${JSON.stringify(table)}\n`);
console.log(`wrote ${METHOD_TABLE_FILE} (${Object.keys(table.files).length} methods)`);
