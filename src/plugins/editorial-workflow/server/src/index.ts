import bootstrap from './bootstrap';
import config from './config/schema';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import middlewares from './middlewares';
import register from './register';
import routes from './routes';
import services from './services';

/**
 * editorial-workflow: draft → in_review → changes_requested | approved →
 * published → correcting / withdrawn, with a publish gate in the document
 * service, append-only history, review notes, legal holds, embargoes and
 * scheduled publication. Shape mirrors @strapi/review-workflows' server.
 */
export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  middlewares,
  routes,
  services,
};
