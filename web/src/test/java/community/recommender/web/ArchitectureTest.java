package community.recommender.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries of DESIGN.md, and the layers inside the server: the command line and the
 * composition root on top, HTTP resources at the edge, application services in the middle, store
 * ports and their PostgreSQL adapters at the bottom.
 */
@AnalyzeClasses(packages = "community.recommender", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  private static final String WEB = "community.recommender.web";

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

  @ArchTest
  static final ArchRule theServerPackagesHaveNoCycles = slices()
      .matching(WEB + ".(**)")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theServerIsLayered = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("command line").definedBy(WEB + ".cli..")
      .layer("composition root").definedBy(WEB + ".server..")
      .layer("HTTP").definedBy(WEB + ".http..")
      .layer("application").definedBy(WEB + ".application..")
      .layer("metrics").definedBy(WEB + ".metrics..")
      .layer("store ports").definedBy(WEB + ".store")
      .layer("store adapters").definedBy(WEB + ".store.pg..", WEB + ".store.database..")
      .whereLayer("command line").mayNotBeAccessedByAnyLayer()
      .whereLayer("composition root").mayOnlyBeAccessedByLayers("command line")
      .whereLayer("HTTP").mayOnlyBeAccessedByLayers("composition root")
      .whereLayer("application").mayOnlyBeAccessedByLayers("HTTP", "composition root")
      .whereLayer("metrics").mayOnlyBeAccessedByLayers("HTTP", "composition root")
      .whereLayer("store adapters").mayOnlyBeAccessedByLayers("composition root")
      .whereLayer("store ports")
      .mayOnlyBeAccessedByLayers("store adapters", "application", "HTTP", "composition root", "command line");

  @ArchTest
  static final ArchRule onlyHttpKnowsVertxWeb = noClasses()
      .that().resideOutsideOfPackage(WEB + ".http..")
      .should().dependOnClassesThat().resideInAPackage("io.vertx.ext.web..");

  @ArchTest
  static final ArchRule onlyHttpKnowsApiError = noClasses()
      .that().resideOutsideOfPackage(WEB + ".http..")
      .should().dependOnClassesThat().haveFullyQualifiedName(WEB + ".http.ApiError");

  /**
   * The store ports are the interfaces of the {@code store} package ({@code GroupStore}, {@code ChangeNotices},
   * {@code ClusterLock}, ...); HTTP reaches them only through application services, and may use the
   * package's value types ({@code Caller}, {@code Role}, records) alone.
   */
  @ArchTest
  static final ArchRule httpReachesStoresOnlyThroughApplicationServices = noClasses()
      .that().resideInAPackage(WEB + ".http..")
      .should().dependOnClassesThat(JavaClass.Predicates.INTERFACES.and(JavaClass.Predicates.resideInAPackage(WEB + ".store")))
      .orShould().dependOnClassesThat().resideInAnyPackage(WEB + ".store.pg..", WEB + ".store.database..");

  @ArchTest
  static final ArchRule storesDependOnNothingAboveThem = noClasses()
      .that().resideInAPackage(WEB + ".store..")
      .should().dependOnClassesThat().resideInAnyPackage(WEB + ".http..", WEB + ".application..",
          WEB + ".server..", WEB + ".cli..", WEB + ".metrics..");
}
