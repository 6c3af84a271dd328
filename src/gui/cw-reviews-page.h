/* cw-reviews-page.h: management reviews (clause 9.3). */
#pragma once

#include <adwaita.h>

#include "cw-page.h"

G_BEGIN_DECLS

#define CW_TYPE_REVIEWS_PAGE (cw_reviews_page_get_type ())
G_DECLARE_FINAL_TYPE (CwReviewsPage, cw_reviews_page, CW, REVIEWS_PAGE, CwPage)

void cw_reviews_page_show_review (CwReviewsPage *self, gint64 review_id);
gint64 cw_reviews_page_get_review_id (CwReviewsPage *self);

G_END_DECLS
