package community.recommender.engine.spike;

import java.nio.file.*;
import java.util.*;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.*;
import org.drools.model.codegen.ExecutableModelProject;

class Spike2Test {
  static String HDR = "package playbook\nimport community.recommender.engine.model.*\nruleflow-group \"needs\"\n";
  void build(String label, Map<String,String> extra, boolean withPlaybook) throws Exception {
    KieServices kie = KieServices.Factory.get();
    ReleaseId rid = kie.newReleaseId("x", "b-" + UUID.randomUUID(), "1.0.0");
    KieFileSystem fs = kie.newKieFileSystem();
    fs.generateAndWritePomXML(rid);
    if (withPlaybook) for (Path p : Files.newDirectoryStream(Path.of("../rules"), "*.drl")) {
      fs.write("src/main/resources/rules/" + p.getFileName(), Files.readString(p));
    }
    extra.forEach((k, v) -> fs.write("src/main/resources/rules/" + k, v));
    long t = System.nanoTime();
    KieBuilder kb = kie.newKieBuilder(fs).buildAll(ExecutableModelProject.class);
    System.out.println("== " + label + " build ms " + (System.nanoTime() - t) / 1e6);
    for (Message m : kb.getResults().getMessages()) System.out.println("  MSG " + m.getLevel() + " " + m.getPath() + " " + m.getLine() + ":" + m.getColumn() + " " + m.getText().replace('\n', ' ')); if (label.equals("conseq type")) kb.getResults().getMessages().forEach(m -> System.out.println("FULL " + m.getText()));
  }
  @Test
  void spike() throws Exception {
    build("cold playbook", Map.of(), true);
    build("warm playbook", Map.of(), true);
    build("warm playbook2", Map.of(), true);
    build("typo", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( activty.band == ActivityBand.QUIET )\nthen\nend\n"), false);
    build("trend", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( activity.trend == FALLING )\nthen\nend\n"), false);
    build("syntax", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( activity.band == )\nthen\nend\n"), false);
    build("conseq type", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( )\nthen\n    insert( Need.of(ContentKind.POST).urgency(\"x\") );\nend\n"), false);
    build("conseq unknown", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( )\nthen\n    int x = 1;\n    foo.bar();\nend\n"), false);
    build("while", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( )\nthen\n    int x = 1;\n    while (x > 0) { x++; }\nend\n"), false);
    build("unicode", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( )\nthen\n    // \\u000a System.setProperty(\"a\",\"b\");\nend\n"), false);
    build("accumulate", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( )\n    $n : Number() from accumulate( PastSuggestion( $k : kind ), count($k) )\nthen\nend\n"), false);
    build("accumulate custom", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( )\n    $n : Number() from accumulate( PastSuggestion( $k : kind ), init( int c = 0; ), action( c++; ), result( c ) )\nthen\nend\n"), false);
    build("mvel", Map.of("x.drl", HDR + "rule \"a\" dialect \"mvel\"\nwhen\n    $g : Group( )\nthen\n    insert( Need.of(ContentKind.POST).urgency(3) );\nend\n"), false);
    build("function", Map.of("x.drl", HDR + "function int f(int x) { return x + 1; }\nrule \"a\"\nwhen\n    $g : Group( )\nthen\n    int y = f(2);\nend\n"), false);
    build("drools", Map.of("x.drl", HDR + "rule \"a\"\nwhen\n    $g : Group( )\nthen\n    drools.getKieRuntime().getKieBase().removeRule(\"playbook\", \"a\");\nend\n"), false);
  }
}
