package io.vigil.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Bad input is one line and exit 2; a bug keeps its stack trace and exit 1. */
class InputErrorHandlerTest {

  @Command(name = "throws")
  static final class Throws implements Callable<Integer> {
    Exception thrown;

    @Override
    public Integer call() throws Exception {
      throw thrown;
    }
  }

  @Test
  void inputExceptionIsOneLineAndExitCodeTwo() {
    Outcome o = run(new InputException("in.csv:2:1: value 'x' is not a number"));
    assertThat(o.code).isEqualTo(2);
    assertThat(o.err).isEqualTo("vigil: in.csv:2:1: value 'x' is not a number\n");
  }

  @Test
  void outputExceptionIsOneLineAndExitCodeOne() {
    Outcome o = run(new OutputException("out.csv", new IOException("No space left on device")));
    assertThat(o.code).isEqualTo(1);
    assertThat(o.err).isEqualTo("vigil: out.csv: cannot write: No space left on device\n");
  }

  @Test
  void anIllegalArgumentExceptionIsABugWithItsStackTrace() {
    Outcome o = run(new IllegalArgumentException("index -1 out of range"));
    assertThat(o.code).isEqualTo(1);
    assertThat(o.err)
        .contains("java.lang.IllegalArgumentException: index -1 out of range")
        .contains("\tat ");
  }

  @Test
  void theMessageOfBadInputCannotDriveTheTerminal() {
    Outcome o = run(new InputException("value '\u001b[2J\nvigil: ok' is not a number"));
    assertThat(o.err).isEqualTo("vigil: value '\\u001b[2J\\nvigil: ok' is not a number\n");
  }

  private static Outcome run(Exception e) {
    Throws command = new Throws();
    command.thrown = e;
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(command).setExecutionExceptionHandler(new InputErrorHandler());
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute();
    return new Outcome(code, err.toString().replace(System.lineSeparator(), "\n"));
  }

  private record Outcome(int code, String err) {}
}
