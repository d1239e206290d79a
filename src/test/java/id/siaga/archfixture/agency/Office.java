package id.siaga.archfixture.agency;

import id.siaga.archfixture.region.Place;

/** With {@link Place}, breaks "no cycles". */
public class Office {
  Place place;
}
