package io.vigil.logback;

import java.util.ArrayList;
import java.util.List;

/** Messages and key-value pairs chosen to break a naive JSON-lines encoder, shared by tests. */
final class HostileInput {

  private HostileInput() {}

  /** Strings that must each come back unchanged from a parsed JSON line. */
  static List<String> strings() {
    List<String> strings = new ArrayList<>();
    strings.add("line one\nline two");
    strings.add("carriage\rreturn and\r\nwindows");
    strings.add("\"quoted\" and 'single' and \\backslash\\ and \\n literal");
    strings.add("{\"injected\":\"json\"}\n{\"second\":\"event\"}");
    StringBuilder controls = new StringBuilder("controls:");
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    controls.append('\u007f');
    strings.add(controls.toString());
    strings.add("separators \u2028 and \u2029 and NEL \u0085");
    strings.add("lone high \uD800 surrogate");
    strings.add("lone low \uDC00 surrogate");
    strings.add("reversed pair \uDE00\uD83D");
    strings.add("trailing high surrogate \uD83D");
    strings.add("emoji \uD83D\uDE00 and accents éè and CJK 日本");
    strings.add("</script><script>alert(1)</script>");
    strings.add("");
    return strings;
  }
}
