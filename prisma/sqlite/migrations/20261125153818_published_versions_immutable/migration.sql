-- Published versions are a record of what was agreed: the database itself refuses to change or delete them.
CREATE TRIGGER "PublishedVersion_no_update" BEFORE UPDATE ON "PublishedVersion"
BEGIN
    SELECT RAISE(ABORT, 'published versions are immutable');
END;

CREATE TRIGGER "PublishedVersion_no_delete" BEFORE DELETE ON "PublishedVersion"
BEGIN
    SELECT RAISE(ABORT, 'published versions are immutable');
END;
