package io.vigil.spring.internal;

/** HTML escaping for the report page: every name from the outside goes through it. */
public final class Html {

  private Html() {}

  /** The text with {@code & < > " '} escaped, safe in element content and quoted attributes. */
  public static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement == null && !Character.isISOControl(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      out.append(replacement == null ? "\uFFFD" : replacement);
    }
    return out == null ? text : out.toString();
  }
}
