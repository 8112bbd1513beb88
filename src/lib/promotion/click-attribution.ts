/** Cart metadata that carries a tracked click to the order: the click's signed token, and when. */
export const CLICK_TOKEN_KEY = "marketing_click_token"
export const CLICKED_AT_KEY = "marketing_clicked_at"
