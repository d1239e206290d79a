package id.siaga.readiness;

import id.siaga.notification.MailKind;

/** The mails of stage readiness. */
final class ReadinessMailKinds {

  /** A stage declared belum siap, to the province (or Kemendagri) and the national desk. */
  static final MailKind NOT_READY = new MailKind("READINESS_NOT_READY");

  private ReadinessMailKinds() {}
}
