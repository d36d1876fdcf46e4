-- What an operator needs to read a run back from ls_run: the command line it was given
-- (passwords masked) and, for a run that did not finish, why (failed, stopped, abandoned).
ALTER TABLE ls_run ADD COLUMN command_line VARCHAR(4000);
ALTER TABLE ls_run ADD COLUMN message VARCHAR(4000);
