package id.siaga.archfixture;

/** Breaks "the root holds only the application". */
public class StrayInRoot {}
