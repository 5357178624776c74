export const committees = {};
