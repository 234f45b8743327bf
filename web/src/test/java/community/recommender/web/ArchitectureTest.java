package community.recommender.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of DESIGN.md: each framework stays inside its own module. */
@AnalyzeClasses(packages = "community.recommender", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule vertxStaysInWeb = noClasses()
      .that().resideOutsideOfPackage("community.recommender.web..")
      .should().dependOnClassesThat().resideInAPackage("io.vertx..");

  @ArchTest
  static final ArchRule luceneStaysInContentLibrary = noClasses()
      .that().resideOutsideOfPackage("community.recommender.content..")
      .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..");

  @ArchTest
  static final ArchRule droolsStaysInEngine = noClasses()
      .that().resideOutsideOfPackage("community.recommender.engine..")
      .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

  @ArchTest
  static final ArchRule theModelIsFreeOfFrameworks = noClasses()
      .that().resideInAPackage("community.recommender.engine.model..")
      .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..", "io.vertx..",
          "org.apache.lucene..", "com.fasterxml..");

  @ArchTest
  static final ArchRule theEngineKnowsNothingOfItsAdapters = noClasses()
      .that().resideInAPackage("community.recommender.engine..")
      .should().dependOnClassesThat().resideInAnyPackage("community.recommender.content..",
          "community.recommender.web..");

  @ArchTest
  static final ArchRule theContentLibraryKnowsNothingOfTheWeb = noClasses()
      .that().resideInAPackage("community.recommender.content..")
      .should().dependOnClassesThat().resideInAPackage("community.recommender.web..");
}
