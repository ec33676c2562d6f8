package io.vigil.cli.internal.traces;

import io.vigil.cli.internal.InputException;
import io.vigil.rca.MetricSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The span-derived signals of one Nezha day: its {@code trace/HH_MM_trace.csv.gz} minutes replayed
 * through Vigil's exporter, and which minutes were recorded.
 *
 * @param minutes the start of every recorded minute, epoch milliseconds
 * @param series per service, the signals the exporter emitted within recorded minutes
 */
public record DayTraces(Set<Long> minutes, Map<String, List<MetricSeries>> series) {

  private static final Pattern FILE = Pattern.compile("(\\d\\d)_(\\d\\d)_trace\\.csv\\.gz");
  private static final long MINUTE = 60_000L;

  /** Copies both, in sorted order: the replay's results must not depend on iteration order. */
  public DayTraces {
    minutes = Collections.unmodifiableSortedSet(new TreeSet<>(minutes));
    series = Collections.unmodifiableSortedMap(new TreeMap<>(series));
  }

  /** Whether any of the {@code count} minutes from {@code fromMillis}'s minute was recorded. */
  public boolean covers(long fromMillis, int count) {
    long first = Math.floorDiv(fromMillis, MINUTE) * MINUTE;
    for (int i = 0; i < count; i++) {
      if (minutes.contains(first + i * MINUTE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Replays the day under {@code traceDir} (its files named {@code HH_MM_trace.csv.gz}, UTC minutes
   * of {@code day}); no directory or no files gives no signals.
   */
  public static DayTraces replay(
      Path traceDir, LocalDate day, Duration step, UnaryOperator<String> serviceOfPod) {
    Map<Long, Path> files = files(traceDir, day);
    SignalRecorder recorder = new SignalRecorder(step.toMillis());
    TraceReplay replay = new TraceReplay(step, recorder);
    long previous = Long.MIN_VALUE;
    for (Map.Entry<Long, Path> minute : files.entrySet()) {
      replay.minute(
          NezhaTraceFile.read(minute.getValue(), serviceOfPod),
          minute.getKey() == previous + MINUTE);
      previous = minute.getKey();
    }
    replay.finish(step);
    Set<Long> minutes = files.keySet();
    // A step's value is stamped with the step's end: it belongs to the minute it ends in, or the
    // one before when it ends on the minute.
    return new DayTraces(
        minutes, recorder.series(t -> minutes.contains(Math.floorDiv(t - 1, MINUTE) * MINUTE)));
  }

  private static Map<Long, Path> files(Path traceDir, LocalDate day) {
    Map<Long, Path> files = new java.util.TreeMap<>();
    if (!Files.isDirectory(traceDir)) {
      return files;
    }
    try (Stream<Path> entries = Files.list(traceDir)) {
      for (Path file : (Iterable<Path>) entries::iterator) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches()) {
          files.put(minuteOf(file, day, m), file);
        }
      }
    } catch (IOException e) {
      throw new InputException(traceDir + ": cannot list: " + e.getMessage(), e);
    }
    return files;
  }

  private static long minuteOf(Path file, LocalDate day, Matcher m) {
    try {
      LocalTime time = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return day.atTime(time).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (java.time.DateTimeException e) {
      throw new InputException(file + ": not a minute of the day (HH_MM, 00_00 to 23_59)");
    }
  }
}
