// @ratchet/autoloop: the persistent improvement loop (issue 16). Its public API is built up here.
export {};
