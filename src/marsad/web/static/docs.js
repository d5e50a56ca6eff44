/* Offline API documentation: Swagger UI served from /static/vendor, reading /api/openapi.json. */
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", validatorUrl: null,
    deepLinking: true, tryItOutEnabled: true });
});
