package id.siaga.archfixture.patrol;

/** A record of the patrol feature: keeps every rule. */
public record PatrolReport(String kecamatan) {}
