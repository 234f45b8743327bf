package community.recommender.engine.rules;

import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * Where the rules, declared types and functions of one DRL file are, read by Drools' parser alone.
 *
 * <p>Parsing runs no rule code. The outline lets problems found in generated classes be reported
 * at the line and column of the DRL that produced them.
 */
final class DrlOutline {
  /** What produced generated code: a rule, a declared type or a function, and where its text lies. */
  record Part(Kind kind, String name, int start, int end) {}

  enum Kind { RULE, TYPE, FUNCTION }

  private final RuleSource source;
  private final SourceLines lines;
  private final List<Part> parts;
  private final List<RuleError> errors;

  private DrlOutline(RuleSource source, List<Part> parts, List<RuleError> errors) {
    this.source = source;
    this.lines = new SourceLines(source.text());
    this.parts = List.copyOf(parts);
    this.errors = List.copyOf(errors);
  }

  /** Parses {@code source}; syntax errors come back in {@link #errors()}, each with line and column. */
  static DrlOutline parse(RuleSource source) {
    DrlParser parser = new DrlParser();
    List<Part> parts = new ArrayList<>();
    List<RuleError> errors = new ArrayList<>();
    SourceLines lines = new SourceLines(source.text());
    try {
      PackageDescr pkg = parser.parse(false, source.text());
      if (pkg != null) {
        for (RuleDescr rule : pkg.getRules()) {
          parts.add(part(Kind.RULE, rule.getName(), rule, lines));
        }
        for (TypeDeclarationDescr type : pkg.getTypeDeclarations()) {
          parts.add(part(Kind.TYPE, type.getTypeName(), type, lines));
        }
        for (FunctionDescr function : pkg.getFunctions()) {
          parts.add(part(Kind.FUNCTION, function.getName(), function, lines));
        }
      }
    } catch (DroolsParserException e) {
      errors.add(new RuleError(source.file(), Math.max(1, e.getLineNumber()), Math.max(1, e.getColumn()),
          "the file cannot be read as DRL (Drools: " + e.getMessage() + ")"));
    } catch (StackOverflowError e) {
      errors.add(new RuleError(source.file(), 1, 1, "the file is nested too deeply for the DRL parser"));
    }
    for (DroolsError error : parser.getErrors()) {
      errors.add(syntaxError(source, error));
    }
    parts.sort(java.util.Comparator.comparingInt(Part::start));
    return new DrlOutline(source, parts, errors);
  }

  private static Part part(Kind kind, String name, BaseDescr descr, SourceLines lines) {
    int start = descr.getStartCharacter() >= 0 ? descr.getStartCharacter() : lines.offsetOf(descr.getLine(), Math.max(1, descr.getColumn()));
    int end = descr.getEndCharacter() > start ? descr.getEndCharacter() : lines.length();
    return new Part(kind, name, Math.max(0, start), Math.min(lines.length(), end));
  }

  private static RuleError syntaxError(RuleSource source, DroolsError error) {
    int line = 1;
    int column = 1;
    if (error instanceof ParserError parserError) {
      line = Math.max(1, parserError.getRow());
      column = Math.max(1, parserError.getCol() + 1);
    } else if (error.getLines() != null && error.getLines().length > 0) {
      line = Math.max(1, error.getLines()[0]);
    }
    String text = error.getMessage() == null ? "" : error.getMessage().strip();
    return new RuleError(source.file(), line, column, Diagnoses.plainSyntax(text) + " (Drools: " + text + ")");
  }

  RuleSource source() {
    return source;
  }

  SourceLines lines() {
    return lines;
  }

  List<Part> parts() {
    return parts;
  }

  List<RuleError> errors() {
    return errors;
  }

  /** The number of rules in the file. */
  long ruleCount() {
    return parts.stream().filter(p -> p.kind() == Kind.RULE).count();
  }

  /** The part of {@code kind} named {@code name}, if this file has one. */
  java.util.Optional<Part> find(Kind kind, String name) {
    return parts.stream().filter(p -> p.kind() == kind && p.name().equals(name)).findFirst();
  }

  /** The rule whose name, written as a Java identifier the way Drools writes it, is {@code encoded}. */
  java.util.Optional<Part> ruleByEncodedName(String encoded) {
    return parts.stream().filter(p -> p.kind() == Kind.RULE && encode(p.name()).equals(encoded)).findFirst();
  }

  /** A rule name as the executable model spells it in method names: other characters become _ and their code. */
  static String encode(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isJavaIdentifierPart(c) && c != '$') {
        out.append(c);
      } else {
        out.append('_').append((int) c);
      }
    }
    return out.toString();
  }
}
