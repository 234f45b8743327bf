-- Why each suggestion won: the group's needs, the candidates rules dropped, and every rule that fired.
ALTER TABLE suggestions ADD COLUMN explanation jsonb;
