import assert from 'node:assert/strict';
import { formatDuration, formatDurationRange, formatList, formatNumber } from '../../src/report/format.js';

describe('report/format', () => {
  it('formatNumber prints rounded figures without exponent or -0', () => {
    assert.equal(formatNumber(1542.33), '1542.33');
    assert.equal(formatNumber(0.00001234), '0.00001234');
    assert.equal(formatNumber(-0), '0');
  });

  it('formatDuration keeps ms below one second and seconds from there on', () => {
    assert.equal(formatDuration(296), '296 ms');
    assert.equal(formatDuration(7.094), '7.09 ms');
    assert.equal(formatDuration(1567.75), '1.57 s');
    assert.equal(formatDuration(35518, 'long'), '35.52 seconds');
    assert.equal(formatDuration(1003, 'long'), '1 second');
    assert.equal(formatDuration(1006, 'long'), '1.01 seconds');
    assert.equal(formatDuration(16, 'long'), '16 ms');
    assert.equal(formatDuration(1567.75, 'tight'), '1.57s');
    // The unit of a companion value: both sides of "A = …, B = …" in seconds.
    assert.equal(formatDuration(640, 'tight', 27562), '0.64s');
  });

  it('formatDurationRange shares the unit of the larger end', () => {
    assert.equal(formatDurationRange(1038, 1216), '1.04–1.22 s');
    assert.equal(formatDurationRange(7.09, 16.31), '7.09–16.31 ms');
    assert.equal(formatDurationRange(850, 1216), '0.85–1.22 s');
  });

  it('formatList joins with commas and "and"', () => {
    assert.equal(formatList(['1', '2', '3']), '1, 2 and 3');
  });
});
