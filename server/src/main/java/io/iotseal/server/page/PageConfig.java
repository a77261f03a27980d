package io.iotseal.server.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Locale;

/** The pages' message bundles and language (ADR 0074). */
@Configuration(proxyBeanMethods = false)
public class PageConfig implements WebMvcConfigurer {

    private final Languages languages = new Languages();

    /** The bean name Spring MVC looks for. */
    @Bean
    LocaleResolver localeResolver() {
        return languages;
    }

    @Bean
    MessageSource messageSource() {
        return messages();
    }

    /**
     * messages_en.properties and messages_ja.properties (UTF-8). A missing key throws rather than showing
     * the key, so a test that renders the page finds it; an unsupported language falls back to English.
     */
    public static MessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.ENGLISH);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /** A visitor who picked a language with the switch (?lang=) keeps it: the cookie is set on that response. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Locale chosen = Languages.supported(request.getParameter(Languages.PARAMETER));
                if (chosen != null && "GET".equals(request.getMethod())) {
                    languages.setLocale(request, response, chosen);
                }
                return true;
            }
        }).excludePathPatterns("/api/**");
    }
}
