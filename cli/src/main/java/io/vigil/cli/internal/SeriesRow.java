package io.vigil.cli.internal;

/**
 * One row of a {@code timestamp,value} file: the text as written, for echoing, and the parsed
 * values, for the detector.
 *
 * @param timestamp the timestamp as written in the file
 * @param value the value as written in the file
 * @param timestampMillis the timestamp in epoch milliseconds
 * @param number the value as a number (an overflow to infinity is passed on for the detector to
 *     skip)
 */
public record SeriesRow(String timestamp, String value, long timestampMillis, double number) {}
