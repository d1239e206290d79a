/**
 * Fixtures of {@code ArchitectureRulesTest}: a small application with a kernel (region, agency,
 * notification) and two features (patrol, meeting), breaking each rule once on purpose. Plain
 * classes only, so that no Spring test context picks them up.
 */
package id.siaga.archfixture;
