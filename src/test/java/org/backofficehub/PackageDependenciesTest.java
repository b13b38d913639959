package org.backofficehub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The hub's packages depend one way: the canonical model at the bottom, the hub store's plumbing
 * above it, the domains above those, the configurations (which wire everything) at the top.
 */
@AnalyzeClasses(packages = "org.backofficehub", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    /** Every package, sub-packages included (edi.reading apart from edi.writing), free of cycles. */
    @ArchTest
    static final ArchRule noPackageLoops = slices().matching("org.backofficehub.(**)").should().beFreeOfCycles();

    /** Jackson's annotations only (no databind): they say which empty fields a stored order leaves out. */
    @ArchTest
    static final ArchRule theModelDependsOnNothingOfTheHub = classes().that().resideInAPackage("org.backofficehub.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.backofficehub.model..", "java..",
                    "com.fasterxml.jackson.annotation..");

    @ArchTest
    static final ArchRule onlyTheDaemonDependsOnTheConfigurations = noClasses()
            .that().resideOutsideOfPackages("org.backofficehub", "org.backofficehub.config..")
            .should().dependOnClassesThat().resideInAPackage("org.backofficehub.config..");
}
