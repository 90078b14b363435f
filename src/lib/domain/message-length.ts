/** The longest message a person may send (characters), for the form's hint and its check. */
export const MESSAGE_MAX = 5000;
