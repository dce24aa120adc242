-- Published versions are a record of what was agreed: the database itself refuses to change or delete them.
CREATE FUNCTION "remit_refuse_version_change"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'published versions are immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PublishedVersion_immutable" BEFORE UPDATE OR DELETE ON "PublishedVersion"
    FOR EACH ROW EXECUTE FUNCTION "remit_refuse_version_change"();
