package id.siaga.archfixture.region;

import id.siaga.archfixture.agency.Office;

/** With {@link Office}, breaks "no cycles": region → agency → region. */
public class Place {
  Office office;
}
