export const id = 964;
export const ids = [964];
export const modules = {

/***/ 5964:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jz: () => (/* binding */ isRateLimited),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   describePullRequest: () => (/* binding */ describePullRequest),
/* harmony export */   pullRequestOf: () => (/* binding */ pullRequestOf),
/* harmony export */   q: () => (/* binding */ gitHubApiError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _plain_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8763);


/**
 * Events whose payload is the pull request itself. In both, `context.repo`
 * is the base repository, the one that owns the pull request, even when
 * the changes come from a fork.
 */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/** The pull request this run is for, or undefined for any other event. */
function pullRequestOf(context) {
    if (!PULL_REQUEST_EVENTS.has(context.eventName))
        return undefined;
    const number = context.payload.pull_request?.number;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1)
        return undefined;
    const { owner, repo } = context.repo;
    return { owner, repo, number };
}
function describePullRequest(pr) {
    return `${pr.owner}/${pr.repo}#${pr.number}`;
}
/**
 * The HTTP status of an error thrown by Octokit, if GitHub answered. Octokit
 * gives network failures status 500 too, but no response.
 */
function statusOf(error) {
    const { status, response } = (error ?? {});
    if (response === undefined || typeof status !== 'number')
        return undefined;
    return status;
}
/** A 403 or 429 from a rate limit, not from a missing permission. */
function isRateLimited(error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 429)
        return false;
    const { response } = error;
    const remaining = response?.headers?.['x-ratelimit-remaining'];
    return remaining === '0' || /rate limit/i.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error));
}
/** Real tokens are far longer; cutting out a short one would mangle words. */
const MIN_TOKEN_LENGTH = 8;
function redact(text, token) {
    return token.length >= MIN_TOKEN_LENGTH ? text.replaceAll(token, '***') : text;
}
/**
 * An error for a failed GitHub API call: what failed, GitHub's answer and
 * what to check. `permission` is the `permissions:` entry the call needs.
 * The token is cut out of the message in case any part echoes it.
 */
function gitHubApiError(action, error, token, permission) {
    const status = statusOf(error);
    const answer = (0,_plain_text_js__WEBPACK_IMPORTED_MODULE_1__/* .plainText */ .w)((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error));
    const failed = status ? `failed with HTTP ${status}: ${answer}` : `failed: ${answer}`;
    const message = `${action} ${failed}${hint(error, permission)}`;
    return new Error(redact(message, token), { cause: error });
}
function hint(error, permission) {
    const status = statusOf(error);
    if (status === 401)
        return '. Check the token given to the action.';
    if (isRateLimited(error))
        return '. The API rate limit was reached; re-run the job later.';
    if (status !== 403 && status !== 404)
        return '';
    const reach = 'Check that the token can reach the repository and that the job has';
    return `. ${reach} \`permissions: ${permission}\`.`;
}


/***/ })

};

//# sourceMappingURL=964.index.js.map