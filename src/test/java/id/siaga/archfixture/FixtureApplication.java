package id.siaga.archfixture;

/** The fixture's application class: the only class its root package may hold. */
public class FixtureApplication {}
