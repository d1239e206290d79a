-- Kinds of mail belong to their features (issue 9): a kind is up to 40 upper-case letters, digits
-- and '_' (notification.MailKind), no longer one of a fixed list of short names.
alter table siaga_mail_outbox alter column kind set data type varchar(40);
