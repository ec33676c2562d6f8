package io.vigil.logback;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The encoder's public API line: the types a user names in {@code logback.xml} or in code (listed
 * in {@code package-info} and docs/logback.md); everything else is in {@code
 * io.vigil.logback.internal}, which no public signature of these types mentions.
 */
@AnalyzeClasses(packages = "io.vigil.logback", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiTest {

  /** The module's public types; add one here only on purpose, with its javadoc and docs. */
  static final List<String> PUBLIC_TYPES =
      List.of(
          "io.vigil.logback.VigilJsonEncoder",
          "io.vigil.logback.VigilJsonFormatter",
          "io.vigil.logback.VigilFieldNames",
          "io.vigil.logback.FixedValueJsonProvider",
          "io.vigil.logback.TraceContextJsonProvider");

  @ArchTest
  static final ArchRule onlyTheListedTypesArePublicOutsideInternal =
      classes()
          .that()
          .resideOutsideOfPackage("io.vigil.logback.internal..")
          .and()
          .arePublic()
          .should()
          .haveNameMatching(String.join("|", PUBLIC_TYPES).replace(".", "\\."))
          .because("users import only the types listed in io.vigil.logback's package-info");

  @ArchTest
  static void noPublicSignatureNamesAnInternalType(JavaClasses classes) {
    List<String> leaks = new ArrayList<>();
    for (String name : PUBLIC_TYPES) {
      for (JavaMember member : classes.get(name).getMembers()) {
        if (!member.getModifiers().contains(JavaModifier.PUBLIC)
            && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
          continue;
        }
        List<JavaClass> types = new ArrayList<>();
        if (member instanceof JavaField field) {
          types.add(field.getRawType());
        } else if (member instanceof JavaCodeUnit code) {
          types.add(code.getRawReturnType());
          types.addAll(code.getRawParameterTypes());
        }
        types.stream()
            .filter(t -> t.getPackageName().startsWith("io.vigil.logback.internal"))
            .forEach(t -> leaks.add(member.getFullName() + " names " + t.getName()));
      }
    }
    assertThat(leaks).as("public signatures naming internal types").isEmpty();
  }

  @ArchTest
  static void everyListedTypeExistsAndIsPublic(JavaClasses classes) {
    // Guards the rules above against passing vacuously on an empty or stale import.
    for (String name : PUBLIC_TYPES) {
      JavaClass type = classes.get(name);
      assertThat(type.getModifiers()).contains(JavaModifier.PUBLIC);
    }
    assertThat(
            classes.stream()
                .filter(c -> c.getPackageName().equals("io.vigil.logback.internal"))
                .count())
        .isGreaterThan(10);
  }
}
