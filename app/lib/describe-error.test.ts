import { describe, expect, it } from "vitest";
import { t } from "../i18n";
import { describeError } from "./describe-error";

/** What Remix hands the ErrorBoundary for a thrown Response (the shape isRouteErrorResponse checks). */
const response = (status: number, data: unknown) => ({ status, statusText: "", internal: false, data });

describe("GRID-8 describeError: human error pages", () => {
  it("404: the catalogue's page-not-found, never the router's 'No route matches URL'", () => {
    const described = describeError(response(404, 'Error: No route matches URL "/nope"'));
    expect(described).toEqual({ status: 404, heading: t("errors.notFound"), detail: t("errors.notFoundDetail") });
  });

  it("403: a human heading (not 'Error 403'), and our own reason when the route gave one", () => {
    expect(describeError(response(403, t("errors.forbidden")))).toEqual({
      status: 403,
      heading: t("errors.forbiddenHeading"),
      detail: t("errors.forbidden"),
    });
    expect(describeError(response(403, "")).detail).toBe(t("errors.forbiddenDetail"));
  });

  it("500 and thrown exceptions: something went wrong, without the message", () => {
    expect(describeError(new Error("TypeError: x is undefined"))).toEqual({
      status: 500,
      heading: t("errors.title"),
      detail: t("errors.serverDetail"),
    });
    expect(describeError(response(500, "Error: boom")).detail).toBe(t("errors.serverDetail"));
  });

  it("other 4xx: our catalogue message, the framework's hidden", () => {
    expect(describeError(response(405, t("errors.methodNotAllowed"))).detail).toBe(t("errors.methodNotAllowed"));
    expect(describeError(response(405, "Error: You made a POST request")).detail).toBe(t("forms.badRequest"));
  });
});
