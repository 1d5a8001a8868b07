/**
 * The reference results the lab's figures show on first view: src/data/digits-reference.json,
 * computed by `npm run reference:digits` with fixed seeds. Imported by the digits island and its
 * printed picture only, so no other page's scripts carry it. Checked against the digits this build
 * ships: a stale file fails the build with the command that computes it again.
 */
import { DIGITS_ASSET } from 'virtual:mnist-digits';
import json from '../../data/digits-reference.json';
import { loadReference } from '../../sim/digits/experiments/reference.ts';
import { TRAIN_DIGITS } from '../../sim/digits/split.ts';

export const REFERENCE = loadReference(json, DIGITS_ASSET.sha256, TRAIN_DIGITS);
