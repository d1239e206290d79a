package id.siaga.archfixture.notification;

import id.siaga.archfixture.patrol.PatrolReport;

/** Breaks "the kernel uses no feature": a kernel class that knows the patrol feature's report. */
public class Sender {
  String subjectOf(PatrolReport report) {
    return report.kecamatan();
  }
}
