package io.vigil.cli.internal.nab;

import io.vigil.cli.internal.TerminalText;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a NAB score: one line per profile, optionally each file, then the summary line. */
final class NabReport {

  private NabReport() {}

  static void print(NabScore score, boolean detail, PrintWriter out) {
    for (ProfileScore p : score.profiles()) {
      out.printf(
          Locale.ROOT,
          "%-18s threshold=%.12g raw=%.4f null=%.4f perfect=%.4f normalised=%.2f%n",
          p.profile().name(),
          p.threshold(),
          p.raw(),
          p.none(),
          p.perfect(),
          p.normalized());
      if (detail) {
        for (FileScore f : p.files()) {
          out.printf(
              Locale.ROOT,
              "  %-60s score=%9.4f tp=%d fp=%d fn=%d tn=%d%n",
              TerminalText.escape(f.key()),
              f.score(),
              f.tp(),
              f.fp(),
              f.fn(),
              f.tn());
        }
      }
    }
    out.println(score.summaryLine());
    out.flush();
  }
}
