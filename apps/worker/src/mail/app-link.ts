// A link in an email to a page of the web app (WEB_ORIGIN, with or without its trailing slash, plus the path).
export const appLink = (webOrigin: string, path: string) => `${webOrigin.replace(/\/$/, "")}${path}`;
